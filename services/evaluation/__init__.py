"""`insightstack eval`: suites of cases run through the real products and scored by code."""
