package dev.jwtauth.tokens;

/**
 * The shape every access token must have before any parsing: checked first, so a
 * string that cannot be a token costs next to nothing.
 */
final class CompactJws {

	private CompactJws() {
	}

	/** @throws InvalidTokenException when the token is too long or not a compact JWS */
	static void requireShape(String token, int maxLength) {
		if (token.length() > maxLength) {
			throw new InvalidTokenException(InvalidTokenException.Reason.TOO_LONG);
		}
		if (!isCompactJws(token)) {
			throw new InvalidTokenException(InvalidTokenException.Reason.NOT_COMPACT);
		}
	}

	/**
	 * Compact JWS only: three non-empty base64url parts, no padding, no whitespace, no JSON
	 * serialisation, no five-part JWE. A loop rather than a regular expression, the cheaper:
	 * every token not seen before passes here, forged ones included.
	 */
	static boolean isCompactJws(String token) {
		int dots = 0;
		int partLength = 0;
		for (int i = 0; i < token.length(); i++) {
			char c = token.charAt(i);
			if (c == '.') {
				if (partLength == 0 || ++dots > 2) {
					return false;
				}
				partLength = 0;
			}
			else if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
					|| c == '_') {
				partLength++;
			}
			else {
				return false;
			}
		}
		return dots == 2 && partLength > 0;
	}

}
