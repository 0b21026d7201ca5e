"""The central service's rules: auth, scope, push and merge, pull, conflicts, audit. No HTTP; never commit."""
