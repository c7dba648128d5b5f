"""``python -m studypack.cli``: the same as the ``studypack`` command."""

from .commands import main

main()
