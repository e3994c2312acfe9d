/**
 * Allocation of children to nurseries in one round (利用調整), plain Java.
 *
 * <p>For the round process ({@code childcare-allocation-round}) and the points (DMN per tenant and fiscal year):
 * build an {@link jp.tetsuzuki.processes.childcare.allocation.AllocationRequest} from the waiting applications —
 * per child its id, household, {@link jp.tetsuzuki.processes.childcare.allocation.ClassAge class age}, preferences
 * in order each with the score the tenant's table gives there (the same score everywhere unless the table adds
 * points at some facilities), the current facility for a transfer, the household's
 * {@link jp.tetsuzuki.processes.childcare.allocation.SiblingPattern}, the published lottery number and a value for
 * each of the tenant's {@link jp.tetsuzuki.processes.childcare.allocation.TieBreak} criteria — and the facilities'
 * places per class age from the nursery systems; call
 * {@link jp.tetsuzuki.processes.childcare.allocation.AllocationEngine#allocate}. The answer has one
 * {@link jp.tetsuzuki.processes.childcare.allocation.Placement} per child (placed, kept current, waiting) with its
 * explanation. The same request gives the same answer, whatever the order of its lists, so a re-run before approval
 * reproduces the round from its inputs. An inconsistent request throws
 * {@link jp.tetsuzuki.processes.childcare.allocation.InvalidAllocationRequestException} with coded problems.
 * {@code csv} reads and writes ChilmAI's files.
 */
package jp.tetsuzuki.processes.childcare.allocation;
