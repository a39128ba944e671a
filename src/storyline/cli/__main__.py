"""``python -m storyline.cli``: the ``storyline`` command without its installed script."""

from . import main

if __name__ == "__main__":
    main()
