package org.cabildo.sensing.model;

/**
 * A navigation property from one entity type to another.
 *
 * @param name the name in JSON and in paths
 * @param source the entity type that has it
 * @param target the entity type it leads to
 * @param link how the two are joined in the database
 * @param required whether a create of the source must link a target
 */
public record Navigation(String name, EntityType source, EntityType target, Link link, boolean required) {

	public boolean toMany() {
		return !(link instanceof Link.ForeignKey);
	}

	/**
	 * Whether entities write this navigation's link ({@code X@iot.navigationLink}). The links the
	 * MultiDatastream extension adds to the core's Things, Sensors and ObservedProperties are
	 * followed, expanded and filtered on like any other, but not written: those entities show the
	 * relations of the core data model (OGC 18-088, 8.2).
	 */
	public boolean linked() {
		return target != EntityType.MULTI_DATASTREAM || source == EntityType.OBSERVATION;
	}

	/** How a navigation is stored. */
	public sealed interface Link {

		/** The source table has a column holding the target's id (to-one). */
		record ForeignKey(String column) implements Link {
		}

		/** The target table has a column holding the source's id (one-to-many). */
		record Reverse(String column) implements Link {
		}

		/**
		 * A link table joins the two (many-to-many).
		 *
		 * @param orderColumn the column of the link table that orders the targets of one source
		 * (a MultiDatastream's ObservedProperties); null when they have no order of their own
		 */
		record LinkTable(String table, String sourceColumn, String targetColumn, String orderColumn) implements Link {

			public LinkTable(String table, String sourceColumn, String targetColumn) {
				this(table, sourceColumn, targetColumn, null);
			}

		}

	}

}
