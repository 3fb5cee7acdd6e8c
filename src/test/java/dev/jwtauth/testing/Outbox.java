package dev.jwtauth.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The mail the test profile writes as .eml files instead of sending it. */
public final class Outbox {

	private static final Path FOLDER = Path.of("target/test-data/outbox");

	private Outbox() {
	}

	/** Every message to that address so far, headers and body. */
	public static List<String> mailsTo(String email) throws Exception {
		if (!Files.isDirectory(FOLDER)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(FOLDER)) {
			List<String> mails = new ArrayList<>();
			for (Path file : files.filter((file) -> file.toString().endsWith(".eml")).toList()) {
				String mail = Files.readString(file);
				if (mail.contains("To: " + email)) {
					mails.add(mail);
				}
			}
			return mails;
		}
	}

}
