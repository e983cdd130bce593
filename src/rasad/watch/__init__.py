"""Continuous watch: sources polled as they publish, politely, with a state that survives restarts."""
