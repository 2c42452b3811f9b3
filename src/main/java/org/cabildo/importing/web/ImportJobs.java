package org.cabildo.importing.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cabildo.governance.Register;
import org.cabildo.governance.Templates;
import org.cabildo.identity.Caller;
import org.cabildo.identity.Role;
import org.cabildo.importing.ImportFailure;
import org.cabildo.importing.ImportMapping;
import org.cabildo.importing.ImportState;
import org.cabildo.importing.Importer;
import org.cabildo.importing.InvalidInput;
import org.cabildo.importing.RefusedRows;
import org.cabildo.importing.Row;
import org.cabildo.importing.web.ImportRecords.ImportRecord;
import org.cabildo.importing.web.ImportStatus.Status;
import org.cabildo.platform.ApiException;
import org.cabildo.platform.PlatformSettings;
import org.cabildo.sensing.SensorThings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

import tools.jackson.databind.json.JsonMapper;

/**
 * Imports through the API: checked while the caller waits (the mapping, its organisation and
 * the caller's role there, the files), then run in the background by the importer core of
 * {@code ./cabildo import}, as the caller, one at a time per organisation. Each keeps its state
 * in the database after every batch and its refused rows in a file; its upload is removed when
 * it ends. While one runs here a heartbeat says so, so that one whose server stopped shows as
 * interrupted.
 */
@Service
class ImportJobs implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);

	/** {@code file:line:column: what}, as an {@link InvalidInput} says where. */
	private static final Pattern WHERE = Pattern.compile("^(.+?):(\\d+):(\\d+): ");

	private final ImportRecords records;

	private final ImportSettings settings;

	private final Path folder;

	private final SensorThings things;

	private final Templates templates;

	private final Register register;

	private final JsonMapper json;

	private final Clock clock;

	/** The imports this server runs, by id. */
	private final Map<Long, Job> jobs = new ConcurrentHashMap<>();

	private final ScheduledExecutorService heartbeat = Executors
		.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("import-heartbeat").daemon().factory());

	ImportJobs(ImportRecords records, ImportSettings settings, PlatformSettings platform, SensorThings things,
			Templates templates, Register register, ObjectProvider<JsonMapper> json, Clock clock) {
		this.records = records;
		this.settings = settings;
		this.folder = settings.folder(platform.dataDir());
		this.things = things;
		this.templates = templates;
		this.register = register;
		this.json = json.getIfAvailable(JsonMapper::shared);
		this.clock = clock;
		long every = Math.max(1, settings.staleAfter().toMillis() / 4);
		heartbeat.scheduleWithFixedDelay(this::beat, every, every, TimeUnit.MILLISECONDS);
	}

	/** One import this server runs. */
	private static final class Job {

		final long id;

		final Upload upload;

		final Path refused;

		volatile Status stop;

		volatile Thread thread;

		Job(long id, Upload upload, Path refused) {
			this.id = id;
			this.upload = upload;
			this.refused = refused;
		}

	}

	/** Checks an upload and starts its import as the caller; 400, 403 or 409 saying why when it cannot. */
	ImportStatus.Started start(Caller caller, MultipartFile mappingFile, List<MultipartFile> files) {
		Upload upload = Upload.save(folder, mappingFile, files);
		try {
			ImportMapping mapping = upload.mapping();
			long organisation = organisation(mapping);
			if (!caller.has(Role.OPERATOR, organisation)) {
				throw new ApiException(HttpStatus.FORBIDDEN, "importing into organisation '"
						+ register.organisationName(organisation) + "' needs the operator role in it").with("rule",
								"operator-of-organisation");
			}
			upload.requireNamed(mapping);
			long total = Importer.check(mapping, upload.source());
			ImportRecords.Claim claim = records.claim(organisation, caller.name(), upload.mappingName(), total,
					staleBefore());
			if (claim.started().isEmpty()) {
				throw new ApiException(HttpStatus.CONFLICT, "import " + claim.running() + " of organisation '"
						+ register.organisationName(organisation) + "' is running; one at a time (GET "
						+ ImportController.PATH + "/" + claim.running() + ", or DELETE it to cancel)")
					.with("running", claim.running());
			}
			long id = claim.started().getAsLong();
			Job job = new Job(id, upload, folder.resolve("import-" + id + ".refused.csv"));
			jobs.put(id, job);
			job.thread = Thread.ofPlatform().name("import-" + id).daemon().unstarted(
					() -> run(job, mapping, new CallerSink(things, templates, json, caller, organisation, () -> job.stop != null)));
			job.thread.start();
			return new ImportStatus.Started(id, Status.RUNNING, total, ImportController.PATH + "/" + id);
		}
		catch (InvalidInput e) {
			upload.delete();
			throw badInput(e);
		}
		catch (IOException e) {
			upload.delete();
			throw new UncheckedIOException(e);
		}
		catch (RuntimeException e) {
			upload.delete();
			throw e;
		}
	}

	/** The organisation the mapping names, which an import through the API must. */
	private long organisation(ImportMapping mapping) {
		if (mapping.declaration() == null) {
			throw new InvalidInput("the mapping names no organisation: an import through the API needs"
					+ " declaration.organisation (the organisation it imports into)", "/declaration/organisation");
		}
		String named = mapping.declaration().organisation();
		return register.organisation(named).orElseThrow(() -> new InvalidInput(
				"declaration.organisation: there is no organisation '" + named + "'", "/declaration/organisation"));
	}

	/** A mapping or file at fault: 400 saying where, as the command line says it. */
	static ApiException badInput(InvalidInput e) {
		ApiException problem = ApiException.badRequest(e.getMessage());
		Matcher where = WHERE.matcher(e.getMessage());
		if (where.find()) {
			problem.with("file", where.group(1))
				.with("line", Long.parseLong(where.group(2)))
				.with("column", Long.parseLong(where.group(3)));
		}
		e.pointer().ifPresent(pointer -> problem.with("pointer", pointer));
		return problem;
	}

	private void run(Job job, ImportMapping mapping, CallerSink sink) {
		ImportState state = new ImportState();
		Status end = Status.DONE;
		String message = null;
		try {
			Files.deleteIfExists(job.refused);
			try (RefusedRows refused = new RefusedRows(job.refused, Importer.readingsHeader(mapping, job.upload.source()))) {
				new Importer(mapping, job.upload.source(), sink).load(state, -1, new Importer.Listener() {

					@Override
					public void batchDone(ImportState now) {
						refused.flush();
						records.progress(job.id, now);
					}

					@Override
					public void refused(Row row, String reason) {
						refused.write(row, reason);
					}

				});
			}
		}
		catch (CallerSink.Stopped e) {
			end = job.stop;
			message = end == Status.CANCELLED ? "cancelled; what was acknowledged before is kept"
					: "the server stopped; post the same files again: nothing is stored twice";
		}
		catch (InvalidInput | ImportFailure | ApiException e) {
			end = Status.FAILED;
			message = e.getMessage();
		}
		catch (IOException | RuntimeException e) {
			log.error("Import {} failed", job.id, e);
			end = Status.FAILED;
			message = "the import failed: " + e.getMessage();
		}
		finally {
			try {
				records.finish(job.id, end, state, message);
			}
			finally {
				jobs.remove(job.id);
				job.upload.delete();
			}
		}
	}

	/** Says that the imports here are alive, and stops those cancelled on another server. */
	private void beat() {
		try {
			records.heartbeat(List.copyOf(jobs.keySet()));
			for (Job job : jobs.values()) {
				if (records.find(job.id).map(ImportRecord::cancelRequested).orElse(false)) {
					job.stop = Status.CANCELLED;
				}
			}
		}
		catch (RuntimeException e) {
			log.warn("The imports' heartbeat failed: {}", e.getMessage());
		}
	}

	/** An import the caller may see: an operator's or steward's of its organisation. */
	ImportRecord visible(Caller caller, long id) {
		return records.find(id)
			.filter(found -> caller.has(Role.OPERATOR, found.organisation()) || caller.has(Role.STEWARD, found.organisation()))
			.orElseThrow(() -> ApiException.notFound("there is no import " + id + " of an organisation you operate or"
					+ " are a steward of"));
	}

	ImportStatus status(Caller caller, long id) {
		return status(visible(caller, id));
	}

	private ImportStatus status(ImportRecord found) {
		ImportState state = found.state();
		Status status = found.status(staleBefore());
		long refused = state.refusedTotal();
		double recordsPerSecond = state.seconds > 0 ? state.recordsDone / state.seconds : 0;
		Long eta = status == Status.RUNNING && recordsPerSecond > 0
				? Math.round(Math.max(0, found.recordsTotal() - state.recordsDone) / recordsPerSecond) : null;
		String refusedRows = ImportController.PATH + "/" + found.id() + "/refused";
		List<ImportStatus.Refusal> refusals = state.refused.entrySet().stream()
			.map(reason -> new ImportStatus.Refusal(reason.getKey(), reason.getValue(),
					state.examples.getOrDefault(reason.getKey(), List.of())))
			.toList();
		// stored as running: the message of an import whose server stopped is said here
		String message = status == Status.INTERRUPTED && found.status().equals("running")
				? "its server stopped while it ran; post the same files again: nothing is stored twice" : found.message();
		return new ImportStatus(found.id(), status, register.organisationName(found.organisation()), found.startedBy(),
				found.mapping(), found.recordsTotal(), state.recordsDone, state.created, state.duplicates, state.corrected,
				state.folded, refused, state.thingsCreated, state.streamsCreated, state.rowsPerSecond(), eta, found.startedAt(), found.finishedAt(),
				message, refusals, state.summary(refusedRows), refusedRows);
	}

	/** The file of an import's refused rows, if this server has it. */
	Optional<Path> refusedRows(Caller caller, long id) {
		visible(caller, id);
		Path file = folder.resolve("import-" + id + ".refused.csv");
		return Files.exists(file) ? Optional.of(file) : Optional.empty();
	}

	/** Cancels a running import: it stops before its next request; what was acknowledged is kept. */
	ImportStatus cancel(Caller caller, long id) {
		ImportRecord found = visible(caller, id);
		if (found.status(staleBefore()) != Status.RUNNING) {
			throw new ApiException(HttpStatus.CONFLICT, "import " + id + " is " + found.status(staleBefore()).label()
					+ ": nothing to cancel").with("status", found.status(staleBefore()).label());
		}
		records.requestCancel(id);
		Job job = jobs.get(id);
		if (job != null) {
			job.stop = Status.CANCELLED;
			join(job, Duration.ofSeconds(10));
		}
		return status(records.find(id).orElseThrow());
	}

	private volatile boolean running;

	@Override
	public void start() {
		running = true;
	}

	/**
	 * The server stops: its imports stop as interrupted, to be posted again, each after the batch
	 * it is storing, before the writers of observations stop (a later phase).
	 */
	@Override
	public void stop() {
		running = false;
		heartbeat.shutdownNow();
		jobs.values().forEach(job -> job.stop = Status.INTERRUPTED);
		jobs.values().forEach(job -> join(job, Duration.ofSeconds(30)));
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	/** Stops before observation ingest ({@code Integer.MAX_VALUE / 2}), whose writers an import's last batch needs. */
	@Override
	public int getPhase() {
		return Integer.MAX_VALUE / 2 + 1;
	}

	private static void join(Job job, Duration wait) {
		try {
			Thread thread = job.thread;
			if (thread != null) {
				thread.join(wait);
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	private Instant staleBefore() {
		return clock.instant().minus(settings.staleAfter());
	}

}
