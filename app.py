"""Start the PlanCoach web workspace: `python app.py` does what `plancoach serve` does."""
from assistant.cli import main

if __name__ == "__main__":
    raise SystemExit(main(["serve"]))
