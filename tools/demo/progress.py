"""The loader's numbered progress lines (``[ 12/180] Page created: About``) and its notes."""


class Progress:
    """Counts the loader's steps and reports each one on a command's output.

    Call it with a message once per step; ``total`` is the number of calls the whole load makes
    (the demo's tests check that the last line says ``[total/total]``).
    """

    def __init__(self, command, total, verbosity):
        self.stdout = command.stdout
        self.style = command.style
        self.total = total
        self.verbosity = verbosity
        self.done = 0

    def __call__(self, message):
        self.done += 1
        if self.verbosity < 1:
            return
        width = len(str(self.total))
        self.stdout.write(f"[{self.done:>{width}}/{self.total}] {message}")

    def say(self, text):
        """A line of its own, whatever the verbosity (a password, where to find it)."""
        self.stdout.write(text)

    def warn(self, text):
        self.stdout.write(self.style.WARNING(text))
