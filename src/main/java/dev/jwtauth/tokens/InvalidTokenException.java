package dev.jwtauth.tokens;

import org.jspecify.annotations.Nullable;

/**
 * A presented access token that must not be honoured, and why. The reason's description
 * goes to the client in {@code error_description}, so it names the failed check and
 * nothing more; its tag is what the rejection metric counts.
 */
public class InvalidTokenException extends RuntimeException {

	/** Every check a presented access token can fail. */
	public enum Reason {

		TOO_LONG("malformed", "The token is too long."),
		EMPTY("malformed", "The token is empty."),
		NOT_COMPACT("malformed", "The token is not a compact signed JWT."),
		NOT_SIGNED("malformed", "The token is not a signed JWT."),
		MALFORMED("malformed", "The token is malformed."),
		ALGORITHM("algorithm", "The token's algorithm is not accepted."),
		BAD_SIGNATURE("bad_signature", "The token's signature is invalid."),
		WRONG_TYPE("wrong_type", "The token is not an access token."),
		EXPIRED("expired", "The token has expired."),
		NOT_YET_VALID("not_yet_valid", "The token is not valid yet."),
		ISSUED_IN_FUTURE("issued_in_future", "The token was issued in the future."),
		WRONG_ISSUER("wrong_issuer", "The token has the wrong issuer."),
		WRONG_AUDIENCE("wrong_audience", "The token has the wrong audience."),
		WRONG_CLAIM("claims", "The token has a wrong claim."),
		MISSING_CLAIM("claims", "The token lacks a required claim."),
		INVALID_CLAIM("claims", "The token's %s is not valid."),
		REVOKED("revoked", "The token has been revoked."),
		ACCOUNT_INACTIVE("account_inactive", "The token's account is not active.");

		private final String tag;

		private final String description;

		Reason(String tag, String description) {
			this.tag = tag;
			this.description = description;
		}

		/** The metric tag: a small fixed set, several reasons sharing one. */
		public String tag() {
			return this.tag;
		}

	}

	private final Reason reason;

	private final boolean worthRemembering;

	public InvalidTokenException(Reason reason) {
		this(reason, null, false);
	}

	private InvalidTokenException(Reason reason, @Nullable String claim, boolean worthRemembering) {
		// No stack trace: a refusal is an answer to the client, not a fault, and forged
		// tokens come in floods.
		super((claim != null) ? reason.description.formatted(claim) : reason.description, null, false, false);
		this.reason = reason;
		this.worthRemembering = worthRemembering;
	}

	/**
	 * A refusal reached only by checking the signature, the costly step, and that stays
	 * the same for as long as the signing keys do (a bad signature, an expired token):
	 * worth remembering so that a replay costs a lookup. Cheap refusals (a malformed
	 * string, an unknown key or algorithm) and refusals that may turn into an acceptance
	 * (a token not valid yet) are not.
	 */
	static InvalidTokenException afterSignatureCheck(Reason reason) {
		return new InvalidTokenException(reason, null, true);
	}

	/** A claim present and signed, but not of the form the service issues. */
	static InvalidTokenException invalidClaim(String claim) {
		return new InvalidTokenException(Reason.INVALID_CLAIM, claim, true);
	}

	boolean isWorthRemembering() {
		return this.worthRemembering;
	}

	public Reason getReason() {
		return this.reason;
	}

	public String getDescription() {
		return getMessage();
	}

}
