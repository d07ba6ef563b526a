"""All user-facing Vietnamese text, one module per area, so wording is reviewed in one place."""
