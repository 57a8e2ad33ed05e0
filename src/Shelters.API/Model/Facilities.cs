namespace Shelters.API.Model;

/// <summary>Facilities a shelter can list. Constants, so the request's <c>[OneOf]</c> names them from here.</summary>
public static class Facilities
{
    public const string Water = "water";
    public const string Power = "power";
    public const string Toilets = "toilets";
    public const string MedicalPoint = "medical-point";
    public const string Broadcast = "broadcast";
    public const string Accessibility = "accessibility";
    public const string Kitchen = "kitchen";
    public const string Showers = "showers";
    public const string Ventilation = "ventilation";
    public const string Heating = "heating";
    public const string Communication = "communication";
    public const string Storage = "storage";
    public const string Helipad = "helipad";
    public const string FireEquipment = "fire-equipment";

    public static IReadOnlyList<string> All { get; } =
        [Water, Power, Toilets, MedicalPoint, Broadcast, Accessibility, Kitchen, Showers, Ventilation, Heating, Communication, Storage, Helipad, FireEquipment];
}
