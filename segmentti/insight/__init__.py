"""Segments → understanding: profiles, persona cards and their actions, each customer's fit, the map projection."""

from segmentti._lazy import lazy_exports

__getattr__, __dir__, __all__ = lazy_exports(
    __name__,
    {
        "Profile": "profiling",
        "profile_segments": "profiling",
        "Persona": "personas",
        "build_personas": "personas",
        "personas_from_result": "personas",
        "apply_edits": "personas",
        "CustomerFit": "inspection",
        "customer_fit": "inspection",
        "box_stats": "inspection",
        "category_shares": "inspection",
        "build_dendrogram": "inspection",
        "project_to_2d": "projection",
        "project_tsne": "projection",
    },
)
