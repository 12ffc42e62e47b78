export const DEFAULT_POLICY = {
    version: 1,
    name: 'lookalike-default',
    description: 'A starting point for releasing a synthetic table outside the organisation that holds the real one. Edit the targets to match your release.',
    missing: 'fail',
    targets: [
        {
            id: 'statistical_similarity',
            op: '>=',
            value: 0.85,
            why: 'Each column should look like the real one.',
        },
        {
            id: 'correlation_preservation',
            op: '>=',
            value: 0.8,
            why: 'Relationships between columns should survive.',
        },
        {
            id: 'ml_utility',
            op: '>=',
            value: 0.95,
            why: 'A model trained on the synthetic table should do at least 95% as well on real data as one trained on real data.',
        },
        {
            id: 'privacy_protection',
            op: '>=',
            value: 0.9,
            why: 'No attack should be shown, after correcting for the number of attacks, to do much better than chance.',
        },
        {
            id: 'singling_out_risk',
            op: '<=',
            value: 0.05,
            bound: 'ci',
            why: 'At most 5% of attempts to isolate one real person may succeed beyond chance, even at the upper end of the 95% interval.',
        },
        {
            id: 'membership_auc',
            op: '<=',
            value: 0.6,
            bound: 'ci',
            why: 'An attacker should barely tell who was in the training data (0.5 is a coin flip).',
        },
        {
            id: 'epsilon',
            op: '<=',
            value: 1,
            why: 'A formal differential-privacy guarantee of ε ≤ 1; a model that is not differentially private fails this target.',
        },
    ],
};
export const DEFAULT_POLICY_YAML = `# lookalike policy: the targets a synthetic table must meet before it is released.
# Check it with:  lookalike report evaluation.json --policy policy.yaml --out report.html
# (exit code 3 when a target fails, so it can gate a CI job). Reference: docs/report.md.
version: 1
name: lookalike-default
description: >-
  A starting point for releasing a synthetic table outside the organisation that holds the real one.
  Edit the targets to match your release.

# What a target whose metric was not measured (e.g. no holdout, so no privacy attacks) does to the verdict:
#   fail   - counts as failing (default: what was not measured was not shown to be safe)
#   ignore - shown as "not measured" but does not change the verdict
missing: fail

# Each target: id (an aggregate score, a metric id, or epsilon/delta), op (>=, >, <=, <) and value.
# Optional: bound (ci | estimate; default ci = compare the end of the 95% interval that is worst for the target,
# i.e. the upper bound of a risk), on (value | score), columns [..], over (worst | mean), label, why.
targets:
  - id: statistical_similarity
    op: ">="
    value: 0.85
    why: Each column should look like the real one.

  - id: correlation_preservation
    op: ">="
    value: 0.8
    why: Relationships between columns should survive.

  - id: ml_utility
    op: ">="
    value: 0.95
    why: A model trained on the synthetic table should do at least 95% as well on real data as one trained on real data.

  - id: privacy_protection
    op: ">="
    value: 0.9
    why: No attack should be shown, after correcting for the number of attacks, to do much better than chance.

  - id: singling_out_risk
    op: "<="
    value: 0.05
    bound: ci
    why: At most 5% of attempts to isolate one real person may succeed beyond chance, even at the upper end of the 95% interval.

  - id: membership_auc
    op: "<="
    value: 0.6
    bound: ci
    why: An attacker should barely tell who was in the training data (0.5 is a coin flip).

  - id: epsilon
    op: "<="
    value: 1
    why: A formal differential-privacy guarantee of ε ≤ 1; a model that is not differentially private fails this target.
`;
/** The default policy as a file to edit: JSON for a `.json` path, else the commented YAML. */
export function defaultPolicyText(path) {
    return path.endsWith('.json') ? `${JSON.stringify(DEFAULT_POLICY, null, 2)}\n` : DEFAULT_POLICY_YAML;
}
//# sourceMappingURL=default.js.map