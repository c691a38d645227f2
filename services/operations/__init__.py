"""Operations: releases and rollback, the offline bundle, governance records, batch jobs, the
plan's metrics, prompt promotions and audit checkpoints. Imports the core, never a product."""
