package dev.tandem.plan;

/**
 * A device label declared under {@code devices}, optionally with the platform and profile it needs.
 *
 * @param platform null: the run's default platform
 * @param profile null: the platform's default profile
 */
public record DeviceDecl(String label, String platform, String profile, SourcePos pos) {}
