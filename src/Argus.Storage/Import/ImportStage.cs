namespace Argus.Storage.Import;

public enum ImportStage
{
    ReadingDocuments,
    Normalizing,
    Committing,
}
