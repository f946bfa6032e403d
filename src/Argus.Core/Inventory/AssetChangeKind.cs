namespace Argus.Core.Inventory;

public enum AssetChangeKind
{
    Appeared,
    Disappeared,
    Changed,
}
