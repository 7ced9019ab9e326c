"""From answers to directions: career paths ranked by fit (ranking.py) and suggestions per path."""
