try:
    from .cli import main
except KeyboardInterrupt:  # Ctrl+C while Python loads the program (reporter.cli handles its own imports)
    import sys

    sys.stderr.write("已中断\n")
    raise SystemExit(130) from None

main()
