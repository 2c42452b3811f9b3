package org.cabildo.platform;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Maps that keep what is asked for and give up what has not been asked for longest: for answers kept for everyone. */
public final class LeastRecentlyUsed {

	private LeastRecentlyUsed() {
	}

	/** A map (safe for threads) that holds at most {@code most} entries, giving up the least recently asked for first. */
	public static <V> Map<String, V> map(int most) {
		return Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
				return size() > most;
			}

		});
	}

}
