"""The roadmap: the Markdown document, its HTML form, writing it to a file, the balance chart, answers in a few lines."""
