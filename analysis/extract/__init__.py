"""Documents -> statements: sentences, dates, languages and the statements table with its column contract (the public entry point is analysis.statements)."""
