"""``python -m storyline``: the ``storyline`` command without its installed script (as ``python -m storyline.cli``)."""

from .cli import main

if __name__ == "__main__":
    main()
