package org.cabildo.governance.ledger;

/**
 * The latest signed checkpoint with what verifies it: the public key and the signed text. This
 * is what {@code /api/ledger/checkpoints/latest} serves and what a node keeps in its checkpoint
 * file; anyone who saves a copy can later hold the ledger to it ({@code ./cabildo ledger verify
 * --checkpoint FILE}, or {@code POST /api/ledger/verify}).
 *
 * @param signedMessage the exact text the signature is over (UTF-8)
 */
record PublishedCheckpoint(String algorithm, String publicKey, String publicKeyPem, String signedMessageFormat,
		String signedMessage, Checkpoint checkpoint) {

	static PublishedCheckpoint of(Checkpoint checkpoint, SigningKey key) {
		return new PublishedCheckpoint(SigningKey.ALGORITHM, key.publicKeyBase64(), key.publicKeyPem(), Checkpoint.FORMAT,
				checkpoint.message(), checkpoint);
	}

}
