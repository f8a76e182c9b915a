package eu.passerelle.match;

/** Where occupation ranking learns whether a training path leads to an occupation (a seam for unit tests). */
@FunctionalInterface
interface PathwayEvidence {
    /**
     * @param designedForJob a curated training leading there names the person's job in its audience (the seed's
     *                       CPJEPS for AESH); otherwise some training merely leads there
     */
    record Evidence(boolean designedForJob, Reason reason) {
    }

    /** Why a training path to this occupation counts, or null when no training leads there. */
    Evidence evidence(String occupationId, ResolvedProfile p, TrainingReads reads);
}
