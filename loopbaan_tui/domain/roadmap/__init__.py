"""The roadmap: the Markdown document, its HTML form, writing it to a file, the balance chart,
and answers in a few lines."""
