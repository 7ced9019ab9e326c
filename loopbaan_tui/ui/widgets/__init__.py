"""Widgets that each do one thing."""
