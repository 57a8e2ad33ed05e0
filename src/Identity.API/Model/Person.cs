namespace Identity.API.Model;

/// <summary>A person who signs in at the operations console. The password is stored only as a salted hash.</summary>
public sealed class Person
{
    public int Id { get; set; }

    /// <summary>What the person types to sign in; unique, compared as stored.</summary>
    public required string UserName { get; set; }

    /// <summary>The name recorded as the actor of everything the person does (e.g. 张伟).</summary>
    public required string DisplayName { get; set; }

    public required string PasswordHash { get; set; }

    public required string Role { get; set; }

    /// <summary>The district, warehouse or enterprise the role is bound to, when it is bound to one.</summary>
    public string? Binding { get; set; }

    /// <summary>The responsible unit (责任单位) the person answers for in the warnings' closed loop, when the role takes one.</summary>
    public string? Unit { get; set; }

    public bool Disabled { get; set; }

    public int Version { get; set; }
}
