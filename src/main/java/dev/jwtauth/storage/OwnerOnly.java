package dev.jwtauth.storage;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Takes group and others' permissions away from the embedded database's folder and its
 * files, and from other private folders and files of the service (such as the mail
 * outbox), on file systems that have POSIX permissions.
 */
public final class OwnerOnly {

	private static final Set<PosixFilePermission> GROUP_AND_OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ,
			PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
			PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

	private OwnerOnly() {
	}

	static boolean supported(Path path) {
		return path.getFileSystem().supportedFileAttributeViews().contains("posix");
	}

	/**
	 * Creates the folder as {@code rwx------}, or takes an existing one down to that; a
	 * home or temporary folder is left as it is. Where the file system has no POSIX
	 * permissions the folder is only created.
	 */
	public static void folder(Path folder) throws IOException {
		if (!supported(folder)) {
			Files.createDirectories(folder);
			return;
		}
		if (!Files.exists(folder)) {
			Files.createDirectories(folder,
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
		}
		if (shared(folder)) {
			return;
		}
		restrict(folder);
	}

	/** Creates a new file as {@code rw-------} (fails if it exists) and opens it for writing. */
	public static OutputStream newFile(Path file) throws IOException {
		if (supported(file)) {
			Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			return Files.newOutputStream(file);
		}
		return Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
	}

	/**
	 * Restricts what is in the folder: all of it in a data folder of its own, only the
	 * database's files and its password in a folder shared with other programs.
	 */
	static void contents(EmbeddedH2 h2) throws IOException {
		if (shared(h2.folder())) {
			try (Stream<Path> files = Files.list(h2.folder())) {
				for (Path file : files.filter((file) -> h2.owns(file) || file.equals(h2.passwordFile())).toList()) {
					restrict(file);
				}
			}
			return;
		}
		try (Stream<Path> all = Files.walk(h2.folder())) {
			for (Path path : all.toList()) {
				if (!Files.isSymbolicLink(path)) {
					restrict(path);
				}
			}
		}
	}

	private static void restrict(Path path) throws IOException {
		Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
		if (permissions.removeAll(GROUP_AND_OTHERS)) {
			Files.setPosixFilePermissions(path, permissions);
		}
	}

	// A database put straight into the home or temporary folder must not close those
	private static boolean shared(Path folder) throws IOException {
		Path real = folder.toRealPath();
		return real.getParent() == null || real.equals(realPath(System.getProperty("user.home")))
				|| real.equals(realPath(System.getProperty("java.io.tmpdir")));
	}

	private static Path realPath(String path) throws IOException {
		Path candidate = Path.of(path);
		return Files.exists(candidate) ? candidate.toRealPath() : candidate.toAbsolutePath();
	}

}
