from claimlint.cli import main

main()
