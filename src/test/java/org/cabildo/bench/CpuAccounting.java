package org.cabildo.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * How much of the machine's CPU went to other work while a benchmark ran: the busy time of
 * all CPUs (/proc/stat) less that of the benchmark itself, the server and PostgreSQL. Other
 * work on a small machine skews every latency, so the report says how much there was.
 */
final class CpuAccounting {

	private final long serverPid;

	private final long startBusy;

	private final long startOurs;

	private final long startNanos;

	private CpuAccounting(long serverPid) {
		this.serverPid = serverPid;
		this.startBusy = busyTicks();
		this.startOurs = ourTicks(serverPid);
		this.startNanos = System.nanoTime();
	}

	static CpuAccounting start(long serverPid) {
		return new CpuAccounting(serverPid);
	}

	/**
	 * The share of all CPUs (0 to 1) that processes other than the benchmark, the server and
	 * PostgreSQL used since the start; -1 if it cannot be told (not Linux).
	 */
	double othersShare() {
		long busy = busyTicks() - startBusy;
		long ours = ourTicks(serverPid) - startOurs;
		double seconds = (System.nanoTime() - startNanos) / 1e9;
		if (startBusy < 0 || seconds <= 0) {
			return -1;
		}
		double capacity = seconds * TICKS_PER_SECOND * Runtime.getRuntime().availableProcessors();
		return Math.max(0, (busy - ours) / capacity);
	}

	/** USER_HZ: 100 on every Linux that matters. */
	private static final double TICKS_PER_SECOND = 100;

	private static long busyTicks() {
		try {
			String cpu = Files.readAllLines(Path.of("/proc/stat")).get(0);
			String[] f = cpu.trim().split("\\s+");
			// user nice system idle iowait irq softirq steal
			return Long.parseLong(f[1]) + Long.parseLong(f[2]) + Long.parseLong(f[3]) + Long.parseLong(f[6])
					+ Long.parseLong(f[7]) + Long.parseLong(f[8]);
		}
		catch (IOException | RuntimeException e) {
			return -1;
		}
	}

	private static long ourTicks(long serverPid) {
		long ticks = ticks(ProcessHandle.current().pid()) + ticks(serverPid);
		try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
			for (Path process : processes.toList()) {
				String name = process.getFileName().toString();
				if (name.chars().allMatch(Character::isDigit) && isPostgres(process)) {
					ticks += ticks(Long.parseLong(name));
				}
			}
		}
		catch (IOException | RuntimeException e) {
			return ticks;
		}
		return ticks;
	}

	private static boolean isPostgres(Path process) {
		try {
			return Files.readString(process.resolve("comm")).trim().startsWith("postgres");
		}
		catch (IOException e) {
			return false;
		}
	}

	/** utime + stime of a process, in ticks. */
	private static long ticks(long pid) {
		try {
			String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
			String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			return Long.parseLong(f[11]) + Long.parseLong(f[12]);
		}
		catch (IOException | RuntimeException e) {
			return 0;
		}
	}

}
