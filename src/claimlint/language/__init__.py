"""Language: the spaCy pipeline, phrase patterns, mentions, evidence cues and the claims built from them."""
