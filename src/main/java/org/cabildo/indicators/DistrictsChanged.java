package org.cabildo.indicators;

/**
 * Districts were imported (at start, or by an admin), and the Things placed again: what other
 * modules place in districts (residents' reports) is placed again too.
 *
 * @param boundariesChanged whether a district was added or its boundary changed: then everything
 *        placed may be elsewhere now; otherwise only what is in no district yet needs a look
 */
public record DistrictsChanged(boolean boundariesChanged) {
}
