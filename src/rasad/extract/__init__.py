"""Extract stage: event mentions with their evidence from normalised reports."""
