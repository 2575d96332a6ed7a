"""Rule packs: the model of rules and packs, reading pack folders (with ``extends``), and choosing a run's rules."""
