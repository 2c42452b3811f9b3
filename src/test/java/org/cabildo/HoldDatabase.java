package org.cabildo;

import java.sql.Connection;
import java.sql.DriverManager;

/**
 * A process that holds an embedded H2 database open, as a running server does, until its
 * standard input closes: what {@link CommandLineTest} runs the command line against.
 */
public final class HoldDatabase {

	private HoldDatabase() {
	}

	public static void main(String[] args) throws Exception {
		try (Connection connection = DriverManager.getConnection(args[0], "sa", "")) {
			connection.createStatement().execute("CREATE TABLE IF NOT EXISTS held (id INT)");
			System.out.println("open");
			System.out.flush();
			while (System.in.read() >= 0) {
				// until the test closes our input
			}
		}
	}

}
