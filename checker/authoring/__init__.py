"""Rule authoring: fixtures, the pack linter and the guideline document."""
