package dev.tandem.junit.pkg;

import dev.tandem.junit.TandemPlans;

/** A class Surefire would send as a class selector: its package's plans run. */
@TandemPlans
public class PackagePlans {}
