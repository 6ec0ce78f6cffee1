package dev.tandem.examples;

import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectClasspathResource;
import org.junit.platform.suite.api.Suite;

/** Every plan under src/test/resources/plans, one test per device. */
@Suite
@IncludeEngines("tandem")
@SelectClasspathResource("plans")
class PlansTest {}
