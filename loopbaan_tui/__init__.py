"""loopbaan: career self-reflection for teachers, in the terminal."""

__version__ = "0.1.0"
