"""Coverage gaps: when and where a district has no safe space open."""
