"""Running a lint: config, file discovery, the runner and its parallel form, selection, suppressions, baseline, evaluation."""
