"""Knowledge: the rule packs, the EU register, lexicons, product profiles and amounts."""
