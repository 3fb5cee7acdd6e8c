package dev.jwtauth.mfa;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import io.nayuki.qrcodegen.QrCode;
import org.bouncycastle.util.encoders.Base32;

/**
 * What a person needs to add a pending factor to an authenticator app: the secret in
 * base32, the {@code otpauth://} URI (the Key URI Format authenticator apps read) and
 * that URI as a QR code in SVG. Answered once, at enrolment.
 *
 * @param secret the 160-bit secret, base32 without padding
 * @param otpauthUri {@code otpauth://totp/Issuer:name?secret=...}
 * @param qrSvg the URI as a QR code, an SVG document
 */
record Enrolment(String secret, String otpauthUri, String qrSvg) {

	private static final int QUIET_ZONE = 4;

	static Enrolment of(byte[] secret, String issuer, String accountName) {
		String base32 = Base32.toBase32String(secret).replace("=", "");
		String uri = "otpauth://totp/" + encode(issuer) + ":" + encode(accountName) + "?secret=" + base32
				+ "&issuer=" + encode(issuer) + "&algorithm=SHA1&digits=6&period=" + Totp.STEP.toSeconds();
		return new Enrolment(base32, uri, svg(QrCode.encodeText(uri, QrCode.Ecc.MEDIUM)));
	}

	/** Percent-encoding for a URI's path and query alike: a space is {@code %20}, never {@code +}. */
	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
	}

	/**
	 * One path of dark rectangles, as in the library's own demo, with each row's run of
	 * dark modules drawn as one rectangle: half the size, well within what JSON parsers
	 * accept as one string by default.
	 */
	private static String svg(QrCode qr) {
		int size = qr.size + QUIET_ZONE * 2;
		StringBuilder svg = new StringBuilder()
			.append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" viewBox=\"0 0 ")
			.append(size)
			.append(' ')
			.append(size)
			.append("\" stroke=\"none\"><rect width=\"100%\" height=\"100%\" fill=\"#FFFFFF\"/><path d=\"");
		for (int y = 0; y < qr.size; y++) {
			int x = 0;
			while (x < qr.size) {
				if (!qr.getModule(x, y)) {
					x++;
					continue;
				}
				int run = 1;
				while (x + run < qr.size && qr.getModule(x + run, y)) {
					run++;
				}
				svg.append('M')
					.append(x + QUIET_ZONE)
					.append(',')
					.append(y + QUIET_ZONE)
					.append('h')
					.append(run)
					.append("v1h-")
					.append(run)
					.append('z');
				x += run;
			}
		}
		return svg.append("\" fill=\"#000000\"/></svg>").toString();
	}

}
