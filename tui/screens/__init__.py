"""The app's screens: the actions (home), one action, the meetings, one meeting, the import
and its review, the keys."""
