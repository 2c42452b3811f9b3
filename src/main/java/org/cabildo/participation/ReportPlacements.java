package org.cabildo.participation;

import java.util.List;

import org.cabildo.indicators.DistrictsChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reports placed again when the districts change: a report filed before the city had districts
 * (the demo's first start, a city that imports them later) or whose district's boundary moved.
 * A report not answered yet goes to the office of its new district; an answered one keeps the
 * office that answered it.
 */
@Component
class ReportPlacements {

	private static final Logger log = LoggerFactory.getLogger(ReportPlacements.class);

	private static final int BATCH = 5_000;

	private record Placed(long id, String serviceCode, double lat, double lon, String district) {
	}

	private final JdbcClient jdbc;

	private final Jurisdiction jurisdiction;

	private final ServiceCatalogue services;

	ReportPlacements(JdbcClient jdbc, Jurisdiction jurisdiction, ServiceCatalogue services) {
		this.jdbc = jdbc;
		this.jurisdiction = jurisdiction;
		this.services = services;
	}

	@EventListener
	void districtsChanged(DistrictsChanged changed) {
		long moved = placeAgain(changed.boundariesChanged());
		if (moved > 0) {
			log.info("Reports placed in another district after the districts changed: {}", moved);
		}
	}

	/** Places the reports with a point again (all, or those in no district); how many moved. */
	long placeAgain(boolean all) {
		long moved = 0;
		long after = 0;
		while (true) {
			List<Placed> batch = jdbc.sql("SELECT id, service_code, lat, lon, district_id FROM service_requests"
					+ " WHERE lat IS NOT NULL AND id > ?" + (all ? "" : " AND district_id IS NULL")
					+ " ORDER BY id FETCH FIRST " + BATCH + " ROWS ONLY")
				.param(after)
				.query((rs, n) -> new Placed(rs.getLong(1), rs.getString(2), rs.getDouble(3), rs.getDouble(4),
						rs.getString(5)))
				.list();
			for (Placed report : batch) {
				Jurisdiction.Placed now = jurisdiction.districtOf(report.lat(), report.lon());
				if (!java.util.Objects.equals(now.district(), report.district())) {
					// a service no longer in the list keeps its office
					String office = services.byCode(report.serviceCode())
						.map(s -> s.officeFor(now.districtName()))
						.orElse(null);
					if (office == null) {
						jdbc.sql("UPDATE service_requests SET district_id = ? WHERE id = ?")
							.params(now.district(), report.id())
							.update();
					}
					else {
						jdbc.sql("""
								UPDATE service_requests
								   SET district_id = :district,
								       agency_responsible = CASE WHEN answered_at IS NULL THEN :office ELSE agency_responsible END
								 WHERE id = :id""")
							.param("district", now.district())
							.param("office", office)
							.param("id", report.id())
							.update();
					}
					moved++;
				}
			}
			if (batch.size() < BATCH) {
				return moved;
			}
			after = batch.getLast().id();
		}
	}

}
