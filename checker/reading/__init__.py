"""Reading input: YAML files into data with node positions, JSON Schema validation, and finding the manifests to check."""
