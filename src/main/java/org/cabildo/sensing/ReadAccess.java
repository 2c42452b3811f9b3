package org.cabildo.sensing;

/**
 * Who may read which Observations, asked by the sensing module with the reader of every read
 * (collections, entities, navigation, {@code $expand}, {@code $filter} over related
 * Observations, {@code $batch}, DataArray results, MQTT messages) and answered by the module
 * that knows the declarations (governance). There is no default: without an implementation,
 * the sensing module does not start.
 */
public interface ReadAccess {

	/** What one reader may read, decided once for the read it is about to make. */
	ReadScope scope(ReadContext reader);

}
