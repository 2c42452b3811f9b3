-- Signed checkpoints of the access ledger (issue 5): now and then the platform signs the head
-- of the chain (seq, entry_hash) with its Ed25519 key. Whoever keeps a copy of a checkpoint can
-- later prove that the chain up to it was not rewritten, even by someone who could recompute
-- every hash. The signed message is documented in org.cabildo.governance.ledger.Checkpoint.
CREATE TABLE ledger_checkpoints (
    seq BIGINT NOT NULL PRIMARY KEY,
    entry_hash VARCHAR(64) NOT NULL,
    signed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    signature VARCHAR(200) NOT NULL
);
